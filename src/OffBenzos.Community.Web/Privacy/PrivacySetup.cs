namespace OffBenzos.Community.Web.Privacy;

public static class PrivacySetup
{
    public static WebApplicationBuilder AddPrivacy(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<PrivacyOptions>(builder.Configuration.GetSection("Privacy"));
        builder.Services.AddScoped<AccountErasure>();
        builder.Services.AddScoped<DataExportService>();
        builder.Services.AddScoped<RetentionService>();
        builder.Services.AddHostedService<PrivacyJobs>();
        return builder;
    }
}
