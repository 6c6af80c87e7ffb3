namespace OffBenzos.Community.Web.Sessions;

public static class SessionSetup
{
    public static WebApplicationBuilder AddSessions(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<LiveSessionOptions>(builder.Configuration.GetSection("Sessions"));
        builder.Services.AddScoped<SessionService>();
        builder.Services.AddHostedService<SessionJobs>();
        return builder;
    }
}
