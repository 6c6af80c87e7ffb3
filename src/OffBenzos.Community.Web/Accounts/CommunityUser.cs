using Microsoft.AspNetCore.Identity;

namespace OffBenzos.Community.Web.Accounts;

/// <summary>
/// A person with an account. Everything here is private to them and to staff except
/// <see cref="DisplayName"/>, the pseudonym other members see; the e-mail is never shown to anyone else.
/// </summary>
public class CommunityUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>The folded form of <see cref="DisplayName"/> (see <see cref="DisplayNames.Key"/>); unique.</summary>
    public string DisplayNameKey { get; set; } = "";

    /// <summary>ISO 3166-1 alpha-2 code, used to show the right crisis lines.</summary>
    public string? CountryCode { get; set; }

    /// <summary>IANA time zone id, used to show times in the member's own clock.</summary>
    public string? TimeZoneId { get; set; }

    public ThemePreference Theme { get; set; } = ThemePreference.System;

    /// <summary>Off by default: many members in withdrawal are sensitive to sound.</summary>
    public bool ChatSound { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>A moderator who is on duty gets crisis alerts first; everyone gets them if nobody opens the item in time.</summary>
    public bool OnDuty { get; set; }

    /// <summary>The last authenticator time step accepted, so a TOTP code cannot be used twice.</summary>
    public long LastTotpTimeStep { get; set; }

    /// <summary>When the member asked to delete their account; signing in before <see cref="DeletionDueAt"/> cancels it.</summary>
    public DateTimeOffset? DeletionRequestedAt { get; set; }

    /// <summary>When the account is erased for good.</summary>
    public DateTimeOffset? DeletionDueAt { get; set; }

    /// <summary>The member's choice for their posts: kept as "a former member" (true) or removed (false).</summary>
    public bool DeletionKeepsPosts { get; set; }
}
