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
        // ReviewService renders a moderator's edit with the forum's rules; the forum raises review items.
        builder.Services.AddScoped(sp => new Lazy<Forum.ForumService>(sp.GetRequiredService<Forum.ForumService>));
        builder.Services.AddScoped(sp => new Lazy<Chat.ChatService>(sp.GetRequiredService<Chat.ChatService>));
        builder.Services.AddScoped<SanctionService>();
        builder.Services.AddSingleton<SessionTerminator>();
        builder.Services.AddScoped<WatchedWords>();
        builder.Services.AddScoped<ContentGate>();
        builder.Services.AddScoped<SystemReview>();
        builder.Services.AddScoped<AppealService>();
        builder.Services.AddSingleton<IModerationNotifier, SignalRModerationNotifier>();
        builder.Services.AddScoped<ModeratorDuty>();
        builder.Services.AddHostedService<CrisisEscalationService>();
        return builder;
    }

    /// <summary>A new community starts with sensible watched words (drug selling, contact details).</summary>
    public static async Task SeedWatchedWordsAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<WatchedWords>().SeedDefaultsAsync(scope.ServiceProvider.GetRequiredService<TimeProvider>());
    }
}
