using Microsoft.AspNetCore.SignalR;
using OffBenzos.Community.Web.Authorization;
using OffBenzos.Community.Web.Groups;

namespace OffBenzos.Community.Web.Forum;

public static class ForumSetup
{
    public static WebApplicationBuilder AddForum(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<PostRenderer>();
        builder.Services.AddScoped<GroupAccess>();
        builder.Services.AddScoped<GroupService>();
        builder.Services.AddScoped<ForumService>();
        builder.Services.AddScoped<ThreadModeration>();
        builder.Services.AddSingleton<IForumNotifier, SignalRForumNotifier>();
        builder.Services.AddSignalR(o => o.AddFilter<CurrentAccountHubFilter>());
        return builder;
    }

    public static WebApplication MapForum(this WebApplication app)
    {
        app.MapHub<ForumHub>("/hubs/forum");
        app.MapDrafts();
        return app;
    }
}
