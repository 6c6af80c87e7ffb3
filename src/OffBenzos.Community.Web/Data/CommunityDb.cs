using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using OffBenzos.Community.Web.Accounts;
using OffBenzos.Community.Web.Admin;
using OffBenzos.Community.Web.Forum;
using OffBenzos.Community.Web.Groups;
using OffBenzos.Community.Web.Moderation;
using OffBenzos.Community.Web.Notifications;

namespace OffBenzos.Community.Web.Data;

/// <summary>
/// The one database of the community, also the Identity store.
/// </summary>
/// <remarks>
/// Each provider has its own migration set, generated only by <c>dotnet ef</c> against the
/// provider's subclass (<see cref="SqliteCommunityDb"/>, <see cref="SqlServerCommunityDb"/>):
/// <code>
/// dotnet ef migrations add NAME --project src/OffBenzos.Community.Web --context SqliteCommunityDb --output-dir Data/Migrations/Sqlite
/// dotnet ef migrations add NAME --project src/OffBenzos.Community.Web --context SqlServerCommunityDb --output-dir Data/Migrations/SqlServer
/// </code>
/// </remarks>
public abstract class CommunityDb(DbContextOptions options) : IdentityDbContext<CommunityUser>(options)
{
    public DbSet<ConsentRecord> ConsentRecords => Set<ConsentRecord>();
    public DbSet<RoleChange> RoleChanges => Set<RoleChange>();
    public DbSet<Group> Groups => Set<Group>();
    public DbSet<GroupMembership> GroupMemberships => Set<GroupMembership>();
    public DbSet<GroupRoleChange> GroupRoleChanges => Set<GroupRoleChange>();
    public DbSet<ForumThread> Threads => Set<ForumThread>();
    public DbSet<Post> Posts => Set<Post>();
    public DbSet<PostRevision> PostRevisions => Set<PostRevision>();
    public DbSet<Reaction> Reactions => Set<Reaction>();
    public DbSet<ThreadReader> ThreadReaders => Set<ThreadReader>();
    public DbSet<Bookmark> Bookmarks => Set<Bookmark>();
    public DbSet<Draft> Drafts => Set<Draft>();
    public DbSet<ModerationAction> ModerationActions => Set<ModerationAction>();
    public DbSet<ReviewItem> ReviewItems => Set<ReviewItem>();
    public DbSet<Flag> Flags => Set<Flag>();
    public DbSet<Sanction> Sanctions => Set<Sanction>();
    public DbSet<WatchedWord> WatchedWords => Set<WatchedWord>();
    public DbSet<Appeal> Appeals => Set<Appeal>();
    public DbSet<Crisis.ConcernReport> ConcernReports => Set<Crisis.ConcernReport>();
    public DbSet<Crisis.CrisisLineRecord> CrisisLines => Set<Crisis.CrisisLineRecord>();
    public DbSet<Crisis.CrisisEmergencyRecord> CrisisEmergencyNumbers => Set<Crisis.CrisisEmergencyRecord>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<MemberBlock> MemberBlocks => Set<MemberBlock>();
    public DbSet<SubmissionStash> SubmissionStashes => Set<SubmissionStash>();
    public DbSet<Chat.ChatRoom> ChatRooms => Set<Chat.ChatRoom>();
    public DbSet<Chat.ChatMessage> ChatMessages => Set<Chat.ChatMessage>();
    public DbSet<Chat.ChatPresence> ChatPresences => Set<Chat.ChatPresence>();
    public DbSet<Sessions.LiveSession> LiveSessions => Set<Sessions.LiveSession>();
    public DbSet<Sessions.SessionRsvp> SessionRsvps => Set<Sessions.SessionRsvp>();
    public DbSet<Sessions.SessionAttendance> SessionAttendances => Set<Sessions.SessionAttendance>();
    public DbSet<Privacy.SignInRecord> SignInRecords => Set<Privacy.SignInRecord>();
    public DbSet<Privacy.DataExport> DataExports => Set<Privacy.DataExport>();
    public DbSet<Privacy.ErasureRecord> ErasureRecords => Set<Privacy.ErasureRecord>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CommunityDb).Assembly);
    }

    /// <summary>The audit log is append-only: the app can add rows, never change or delete them.</summary>
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefuseAuditChanges();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefuseAuditChanges();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    private void RefuseAuditChanges()
    {
        if (ChangeTracker.Entries<ModerationAction>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("The audit log is append-only: its rows cannot be changed or deleted.");
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // SQLite cannot order or compare DateTimeOffset; store UTC ticks on every provider alike.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToUtcTicksConverter>();
    }
}
