using Microsoft.AspNetCore.SignalR;
using OffBenzos.Community.Web.Groups;
using OffBenzos.Community.Web.Notifications;

namespace OffBenzos.Community.Web.Forum;

public static class ForumSetup
{
    public static WebApplicationBuilder AddForum(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<PostRenderer>();
        builder.Services.Configure<WriteLimitOptions>(builder.Configuration.GetSection("RateLimits"));
        builder.Services.AddSingleton<WriteLimits>();
        builder.Services.AddScoped<GroupAccess>();
        builder.Services.AddScoped<GroupService>();
        builder.Services.AddScoped<ForumService>();
        builder.Services.AddScoped<ThreadModeration>();
        builder.Services.AddScoped<ComposerRescue>();
        builder.Services.AddSingleton<RescueLimits>();
        builder.Services.AddSingleton<IForumNotifier, SignalRForumNotifier>();
        builder.Services.AddScoped<NotificationService>();
        builder.Services.AddScoped<OffBenzos.Community.Web.Accounts.BlockService>();
        builder.Services.AddSingleton<INotificationNotifier, SignalRNotificationNotifier>();
        return builder;
    }

    public static WebApplication MapForum(this WebApplication app)
    {
        app.MapHub<ForumHub>("/hubs/forum");
        app.MapDrafts();
        return app;
    }
}
