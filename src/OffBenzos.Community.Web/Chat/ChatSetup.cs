using Microsoft.AspNetCore.SignalR;
using OffBenzos.Community.Web.Authorization;
using StackExchange.Redis;

namespace OffBenzos.Community.Web.Chat;

public static class ChatSetup
{
    /// <summary>
    /// SignalR for every hub (the forum's live updates and chat), scaled out over Redis when
    /// <c>Redis:Configuration</c> is set, and the chat services.
    /// </summary>
    public static WebApplicationBuilder AddChat(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<ChatOptions>(builder.Configuration.GetSection("Chat"));
        builder.Services.AddSingleton<ChatInstance>();
        builder.Services.AddSingleton<ChatLimitsFilter>();
        builder.Services.AddScoped<ChatService>();
        builder.Services.AddScoped<ChatPresenceStore>();
        builder.Services.AddScoped<ChatBroadcast>();
        builder.Services.AddScoped<ChatEviction>();
        builder.Services.AddHostedService<ChatPresenceHeartbeat>();

        var signalR = builder.Services.AddSignalR(o =>
        {
            o.AddFilter<CurrentAccountHubFilter>();
            // A chat message is at most 2,000 characters; nothing a browser sends needs more.
            o.MaximumReceiveMessageSize = 16 * 1024;
            o.EnableDetailedErrors = false;
        }).AddHubOptions<ChatHub>(o => o.AddFilter<ChatLimitsFilter>());

        if (builder.Configuration["Redis:Configuration"] is { Length: > 0 } redis)
        {
            // Every instance publishes to and hears from Redis, so a message sent through one instance
            // reaches the connections on all of them. If Redis is away, sends still store and acknowledge;
            // browsers catch up from the database by sequence when it returns.
            signalR.AddStackExchangeRedis(redis, o =>
            {
                o.Configuration.ChannelPrefix = RedisChannel.Literal("offbenzos");
                o.Configuration.AbortOnConnectFail = false;
            });
        }
        return builder;
    }

    public static WebApplication MapChat(this WebApplication app)
    {
        app.MapHub<ChatHub>("/hubs/chat");
        return app;
    }
}
