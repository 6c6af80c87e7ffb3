namespace OffBenzos.Community.Web.Moderation;

public static class ModerationSetup
{
    public static WebApplicationBuilder AddModeration(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<ModerationOptions>(builder.Configuration.GetSection("Moderation"));
        builder.Services.AddScoped<AuditLog>();
        builder.Services.AddScoped<ModeratorScope>();
        builder.Services.AddScoped<ModerationTargetLoader>();
        builder.Services.AddScoped<FlagService>();
        builder.Services.AddScoped<ReviewService>();
        builder.Services.AddScoped<SanctionService>();
        builder.Services.AddSingleton<SessionTerminator>();
        return builder;
    }
}
