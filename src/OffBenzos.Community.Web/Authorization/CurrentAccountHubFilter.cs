using Microsoft.AspNetCore.SignalR;
using OffBenzos.Community.Web.Moderation;

namespace OffBenzos.Community.Web.Authorization;

/// <summary>
/// Every hub call answers for the connection's own user: the invocation's <see cref="CurrentAccount"/>
/// is pointed at <c>Context.User</c>, never at anything the client sends. A suspended or banned
/// member's connection is refused and ended.
/// </summary>
public sealed class CurrentAccountHubFilter(SessionTerminator sessions) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        if (await BarredAsync(invocationContext.Context, invocationContext.ServiceProvider))
        {
            invocationContext.Context.Abort();
            throw new HubException("Your session has ended.");
        }
        return await next(invocationContext);
    }

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (await BarredAsync(context.Context, context.ServiceProvider))
        {
            context.Context.Abort();
            return;
        }
        sessions.Connected(context.Context);
        await next(context);
    }

    public Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        sessions.Disconnected(context.Context);
        return next(context, exception);
    }

    private static async Task<bool> BarredAsync(HubCallerContext connection, IServiceProvider services)
    {
        if (connection.User is not { } user)
        {
            return false;
        }
        var current = services.GetRequiredService<CurrentAccount>();
        current.Use(user);
        return (await current.GetAsync())?.Bar is not null;
    }
}
