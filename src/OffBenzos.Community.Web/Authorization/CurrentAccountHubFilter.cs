using Microsoft.AspNetCore.SignalR;

namespace OffBenzos.Community.Web.Authorization;

/// <summary>
/// Every hub call answers for the connection's own user: the invocation's <see cref="CurrentAccount"/>
/// is pointed at <c>Context.User</c>, never at anything the client sends.
/// </summary>
public sealed class CurrentAccountHubFilter : IHubFilter
{
    public ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        if (invocationContext.Context.User is { } user)
        {
            invocationContext.ServiceProvider.GetRequiredService<CurrentAccount>().Use(user);
        }
        return next(invocationContext);
    }
}
