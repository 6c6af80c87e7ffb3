using OffBenzos.Community.Web.Accounts;
using OffBenzos.Community.Web.Admin;
using OffBenzos.Community.Web.Authorization;
using OffBenzos.Community.Web.Chat;
using OffBenzos.Community.Web.Crisis;
using OffBenzos.Community.Web.Data;
using OffBenzos.Community.Web.Demo;
using OffBenzos.Community.Web.Email;
using OffBenzos.Community.Web.Forum;
using OffBenzos.Community.Web.Moderation;
using OffBenzos.Community.Web.Privacy;
using OffBenzos.Community.Web.Search;
using OffBenzos.Community.Web.Sessions;
using OffBenzos.Community.Web.Web;

var builder = WebApplication.CreateBuilder(args);

builder.AddData();
builder.AddEmail();
builder.AddAccounts();
builder.AddCommunityAuthorization();
builder.AddCrisisResources();
builder.AddAdmin();
builder.AddForum();
builder.AddChat();
builder.AddSessions();
builder.AddPrivacy();
builder.AddSearch();
builder.AddModeration();
builder.AddSecurityHeaders();
builder.AddWebUi();

var app = builder.Build();

// Before the first request: the schema and its search index, the roles, and (in Development) a living demo community.
await app.MigrateDatabaseAsync();
await app.EnsureSearchIndexAsync();
await app.EnsureRolesAsync();
await app.SeedWatchedWordsAsync();
await app.LoadCrisisLinesAsync();
await app.SeedDemoContentAsync();
app.LogEmailOutbox();

app.UseWebUi();
app.MapHealth();
app.MapRazorPages();
app.MapForum();
app.MapChat();

await app.RunAsync();

/// <summary>The entry point, public so that tests can start the real app with WebApplicationFactory.</summary>
public partial class Program;
