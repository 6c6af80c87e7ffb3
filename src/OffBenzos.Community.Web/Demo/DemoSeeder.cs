using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OffBenzos.Community.Web.Accounts;
using OffBenzos.Community.Web.Authorization;
using OffBenzos.Community.Web.Chat;
using OffBenzos.Community.Web.Data;
using OffBenzos.Community.Web.Forum;
using OffBenzos.Community.Web.Groups;
using OffBenzos.Community.Web.Sessions;

namespace OffBenzos.Community.Web.Demo;

/// <summary>
/// In Development, on a database with no accounts, creates demo accounts so a newcomer sees a living
/// community. Passphrases are random and printed once to the console; they are never stored in code.
/// </summary>
public static class DemoSeeder
{
    private sealed record DemoAccount(string Email, string DisplayName, string Country, string? Role);

    private static readonly DemoAccount[] Accounts =
    [
        new("admin@demo.offbenzos.invalid", "Alex Moreno", "GB", SiteRoles.Admin),
        new("moderator@demo.offbenzos.invalid", "Sam Okafor", "US", SiteRoles.Moderator),
        new("coach@demo.offbenzos.invalid", "Maya Lindqvist", "IE", SiteRoles.Coach),
        new("willow@demo.offbenzos.invalid", "Willow", "GB", null),
        new("river@demo.offbenzos.invalid", "QuietRiver", "US", null),
        new("steady@demo.offbenzos.invalid", "SlowAndSteady", "AU", null),
        new("owl@demo.offbenzos.invalid", "NightOwl Tapering", "CA", null),
    ];

    private static readonly (string Name, string Slug, string Description, GroupVisibility Visibility, GroupJoinPolicy JoinPolicy)[] DemoGroups =
    [
        ("Tapering together", "tapering-together", "Day-to-day support while you reduce: symptoms, windows and waves, and what helped.", GroupVisibility.Public, GroupJoinPolicy.Open),
        ("Family and friends", "family-and-friends", "For the people beside someone who is tapering: how to help, and how to look after yourself.", GroupVisibility.Public, GroupJoinPolicy.Open),
        ("Night owls", "night-owls", "Can't sleep? Neither can we. Gentle company through the small hours.", GroupVisibility.Public, GroupJoinPolicy.Open),
        ("Life after benzos", "life-after-benzos", "For members who have finished their taper: healing, setbacks and hope.", GroupVisibility.MembersOnly, GroupJoinPolicy.Approval),
    ];

    private const string DemoRules = """
        Be kind: everyone here is going through something hard.
        Share your experience, not medical instructions: never tell someone to stop a medicine suddenly.
        Keep contact on the site: no phone numbers, e-mails or invitations elsewhere.
        No selling or sourcing of any medicine.
        If you are worried about someone, flag the post: a moderator will look at once.
        """;

    private static readonly (string Group, string Title, (string Author, string Text)[] Posts)[] Conversations =
    [
        ("tapering-together", "Week 6 on a 5% diazepam taper: the waves are easing", [
            ("willow@demo.offbenzos.invalid", "I wanted to share something hopeful. Six weeks into a slow 5% taper (liquid diazepam, with my prescriber) and the **waves are shorter**. Still sleeping badly, but the morning dread has eased.\n\nWhat helped me: a walk before breakfast, and writing down one small win a day."),
            ("river@demo.offbenzos.invalid", "That is so good to read, Willow. I'm at week 3 and still in the thick of it. Did the tinnitus ever settle for you?"),
            ("willow@demo.offbenzos.invalid", "> Did the tinnitus ever settle for you?\n\nIt comes and goes. Brown noise at night helps me more than silence. Hang in there, you're doing the hard part."),
            ("coach@demo.offbenzos.invalid", "Lovely to see you both supporting each other. A reminder for anyone reading: every taper is different, and holding at a dose for a while is fine. Talk to your prescriber before any change."),
        ]),
        ("night-owls", "Awake at 3am again, anyone else here?", [
            ("owl@demo.offbenzos.invalid", "Can't sleep, heart racing a bit, the usual. Just wanted to say hello to whoever is up."),
            ("steady@demo.offbenzos.invalid", "Here with you. It's morning in Australia so I'm having tea. Try slow breathing out longer than in, it takes the edge off for me."),
        ]),
        ("tapering-together", "Welcome: how this community works", [
            ("admin@demo.offbenzos.invalid", "Welcome to OffBenzos Community. Everyone here uses a pseudonym, and your e-mail is never shown to anyone.\n\nThe crisis lines for your country are at the top of every page. If you are ever unsafe, please use them first."),
            ("moderator@demo.offbenzos.invalid", "I'm one of the moderators. If a post worries you, use **Flag** under it, or **I'm worried** if you're concerned about the person. We read every flag."),
            ("coach@demo.offbenzos.invalid", "I host live sessions in this group. They are calm, small and kind: come and listen even if you don't want to talk."),
            ("owl@demo.offbenzos.invalid", "Thank you for making this place. It's the first forum where I don't feel judged."),
            ("admin@demo.offbenzos.invalid", "> It's the first forum where I don't feel judged.\n\nThat means a lot. Welcome, and take your time."),
        ]),
        ("night-owls", "Small comforts for 3am", [
            ("owl@demo.offbenzos.invalid", "What helps you when you're awake in the small hours? I'll start: a warm drink, a blanket and an audiobook I've heard before."),
            ("willow@demo.offbenzos.invalid", "Cold water on my wrists and counting five things I can see."),
            ("river@demo.offbenzos.invalid", "Writing here, honestly. Knowing someone will read it in the morning."),
            ("steady@demo.offbenzos.invalid", "A very boring podcast at low volume. It gives my mind somewhere to rest."),
            ("coach@demo.offbenzos.invalid", "All good ones. Slow breathing out, longer than in, can settle the body too."),
            ("moderator@demo.offbenzos.invalid", "Lovely thread. A reminder that the crisis lines at the top of the page are open all night too."),
        ]),
        ("family-and-friends", "What helped us as a family", [
            ("moderator@demo.offbenzos.invalid", "Family members: what is one thing that helped you support someone through a taper?"),
            ("admin@demo.offbenzos.invalid", "Reading about withdrawal together, so the symptoms made sense to both of us."),
        ]),
        ("family-and-friends", "How do I help my mum without taking over?", [
            ("river@demo.offbenzos.invalid", "My mum is tapering off lorazepam after 12 years. She gets upset when I ask how she's doing every day. How do the rest of you support someone without hovering?"),
            ("steady@demo.offbenzos.invalid", "From the other side: what helped me most was my partner asking *once* a day, at the same time, and otherwise just doing normal things with me."),
        ]),
    ];

    public static async Task SeedDemoContentAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<CommunityOptions>>().Value;
        if (!app.Environment.IsDevelopment() || !options.SeedDemoContent)
        {
            return;
        }
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommunityDb>();
        if (await db.Users.AnyAsync())
        {
            return;
        }
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CommunityUser>>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var lines = new List<string>();
        foreach (var account in Accounts)
        {
            var passphrase = "demo-" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('/', '-').Replace('+', '_');
            var user = new CommunityUser
            {
                UserName = account.Email,
                Email = account.Email,
                EmailConfirmed = true,
                DisplayName = account.DisplayName,
                DisplayNameKey = DisplayNames.Key(account.DisplayName),
                CountryCode = account.Country,
                CreatedAt = clock.GetUtcNow(),
            };
            var created = await users.CreateAsync(user, passphrase);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException($"Demo account {account.Email}: {string.Join(" ", created.Errors.Select(e => e.Description))}");
            }
            await users.AddToRoleAsync(user, SiteRoles.Member);
            db.ConsentRecords.Add(new ConsentRecord { UserId = user.Id, Kind = ConsentKinds.HealthData, Version = options.HealthDataConsentVersion, GivenAt = clock.GetUtcNow() });
            await db.SaveChangesAsync();
            if (account.Role is not null)
            {
                await users.AddToRoleAsync(user, account.Role);
            }
            lines.Add($"  {account.Role ?? "Member",-10} {account.Email,-36} {passphrase}");
        }

        foreach (var (name, slug, description, visibility, joinPolicy) in DemoGroups)
        {
            db.Groups.Add(new Group
            {
                Name = name,
                Slug = slug,
                Description = description,
                Rules = DemoRules,
                Visibility = visibility,
                JoinPolicy = joinPolicy,
                CreatedAt = clock.GetUtcNow(),
            });
        }
        await db.SaveChangesAsync();
        await SeedConversationsAsync(scope.ServiceProvider, db);
        await SeedChatAndSessionsAsync(db, clock);

        // Written straight to the console, once: these are sign-in details for a local demo only.
        Console.WriteLine();
        Console.WriteLine("Demo community created. Sign in at /Identity/Account/Login with (shown only this once):");
        lines.ForEach(Console.WriteLine);
        Console.WriteLine("Staff (Moderator, Admin) will be asked to set up an authenticator app before staff pages open.");
        Console.WriteLine();
    }

    /// <summary>A few words in a chat room, and two sessions coming up, so the live parts look lived in.</summary>
    private static async Task SeedChatAndSessionsAsync(CommunityDb db, TimeProvider clock)
    {
        var accounts = await db.Users.ToDictionaryAsync(u => u.Email!, u => u.Id, StringComparer.OrdinalIgnoreCase);
        var tapering = await db.Groups.SingleAsync(g => g.Slug == "tapering-together");
        var now = clock.GetUtcNow();
        var room = new ChatRoom { GroupId = tapering.Id, Kind = ChatRoomKind.Group, CreatedAt = now };
        db.ChatRooms.Add(room);
        await db.SaveChangesAsync();
        (string Email, string Text)[] chat =
        [
            ("owl@demo.offbenzos.invalid", "Anyone around? Day 3 of a new cut and the buzzing is back."),
            ("willow@demo.offbenzos.invalid", "Here. The first week after a cut was always the loudest for me. It did settle."),
            ("owl@demo.offbenzos.invalid", "Thank you. Going to try the breathing thing from the forum."),
            ("coach@demo.offbenzos.invalid", "Good plan. And there's an evening check-in tomorrow if you'd like company: see Sessions."),
        ];
        for (var i = 0; i < chat.Length; i++)
        {
            db.ChatMessages.Add(new ChatMessage
            {
                RoomId = room.Id,
                Sequence = i + 1,
                AuthorId = accounts[chat[i].Email],
                ClientId = Guid.NewGuid(),
                Text = chat[i].Text,
                SentAt = now.AddMinutes(-30 + (i * 4)),
            });
        }
        room.LastSequence = chat.Length;

        var tomorrow = new DateTimeOffset(now.UtcDateTime.Date.AddDays(1).AddHours(19), TimeSpan.Zero);
        var sessions = new[]
        {
            ("Evening check-in: sleep and the small hours", "Bring a cup of something warm. We'll share what helps with sleep during a taper, and just keep each other company.", tomorrow, 60, 12),
            ("Coffee circle", "A short, gentle start to the day. Listening is welcome.", now.AddMinutes(20), 30, 8),
        };
        foreach (var (title, description, start, minutes, places) in sessions)
        {
            var sessionRoom = new ChatRoom { GroupId = tapering.Id, Kind = ChatRoomKind.Session, CreatedAt = now };
            db.ChatRooms.Add(sessionRoom);
            await db.SaveChangesAsync();
            var session = new LiveSession
            {
                GroupId = tapering.Id,
                RoomId = sessionRoom.Id,
                HostId = accounts["coach@demo.offbenzos.invalid"],
                Title = title,
                Description = description,
                StartsAt = start,
                DurationMinutes = minutes,
                TimeZoneId = "UTC",
                Capacity = places,
                CreatedAt = now,
            };
            db.LiveSessions.Add(session);
            await db.SaveChangesAsync();
            foreach (var email in new[] { "willow@demo.offbenzos.invalid", "river@demo.offbenzos.invalid" })
            {
                db.SessionRsvps.Add(new SessionRsvp { SessionId = session.Id, UserId = accounts[email], Response = RsvpResponse.Going, AnsweredAt = now });
            }
        }
        await db.SaveChangesAsync();
    }

    private static async Task SeedConversationsAsync(IServiceProvider services, CommunityDb db)
    {
        var forum = services.GetRequiredService<ForumService>();
        var groups = services.GetRequiredService<GroupService>();
        var accounts = await db.Users.ToDictionaryAsync(u => u.Email!, StringComparer.OrdinalIgnoreCase);
        foreach (var group in await db.Groups.ToListAsync())
        {
            foreach (var account in accounts.Values)
            {
                await groups.JoinAsync(group, account.Id);
            }
        }
        // Group roles as a real community would have them.
        var tapering = await db.Groups.SingleAsync(g => g.Slug == "tapering-together");
        var coach = accounts["coach@demo.offbenzos.invalid"];
        await groups.SetRoleAsync(tapering.Id, coach.Id, GroupRole.Coach, accounts["admin@demo.offbenzos.invalid"].Id);

        foreach (var (slug, title, posts) in Conversations)
        {
            var group = await db.Groups.AsNoTracking().SingleAsync(g => g.Slug == slug);
            ForumThread? thread = null;
            foreach (var (email, text) in posts)
            {
                var author = accounts[email];
                var membership = await db.GroupMemberships.AsNoTracking().SingleAsync(m => m.GroupId == group.Id && m.UserId == author.Id);
                var standing = new GroupAccess.Standing(group, author.Id, membership, false, true);
                var result = thread is null
                    ? await forum.StartThreadAsync(standing, title, text, Guid.NewGuid(), trusted: true)
                    : await forum.ReplyAsync(standing, thread, text, Guid.NewGuid(), null, trusted: true);
                thread ??= await db.Threads.AsNoTracking().SingleAsync(t => t.Id == result.Post!.ThreadId);
                thread = await db.Threads.AsNoTracking().SingleAsync(t => t.Id == thread.Id);
            }
            var first = await db.Posts.FirstAsync(p => p.ThreadId == thread!.Id && p.Number == 1);
            foreach (var account in accounts.Values.Take(3))
            {
                await forum.ToggleReactionAsync(first.Id, account.Id, ReactionKind.Support);
            }
        }
    }
}
