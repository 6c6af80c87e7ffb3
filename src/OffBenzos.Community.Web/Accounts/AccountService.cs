using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OffBenzos.Community.Web.Authorization;
using OffBenzos.Community.Web.Data;
using OffBenzos.Community.Web.Email;

namespace OffBenzos.Community.Web.Accounts;

/// <summary>Account work shared by several pages: e-mails with links, confirmation, display names.</summary>
public sealed class AccountService(
    UserManager<CommunityUser> users,
    CommunityDb db,
    IEmailSender email,
    IOptions<EmailOptions> emailOptions,
    IOptions<CommunityOptions> communityOptions,
    IHttpContextAccessor http,
    ILogger<AccountService> logger)
{
    public Task<bool> IsDisplayNameTakenAsync(string key, string? exceptUserId = null) =>
        db.Users.AnyAsync(u => u.DisplayNameKey == key && u.Id != exceptUserId);

    public async Task SendEmailConfirmationAsync(CommunityUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var code = Encode(await users.GenerateEmailConfirmationTokenAsync(user));
        var link = Link($"/Identity/Account/ConfirmEmail?userId={Uri.EscapeDataString(user.Id)}&code={code}");
        await email.SendAsync(user.Email!, "Confirm your e-mail for OffBenzos Community",
            $"""
            Hello {user.DisplayName},

            Welcome to OffBenzos Community. Please confirm your e-mail address by opening this link:

            {link}

            The link works for 24 hours. If you did not create an account, you can ignore this e-mail.

            If you need help right now, our crisis resources are at {Link("/crisis")}
            """);
    }

    /// <summary>Sent instead of a confirmation when someone registers with an address that already has an account.</summary>
    public Task SendAlreadyRegisteredAsync(string address) =>
        email.SendAsync(address, "Someone tried to register with your e-mail",
            $"""
            Hello,

            Someone (perhaps you) tried to create an OffBenzos Community account with this e-mail address,
            but it already has an account. If it was you, sign in here:

            {Link("/Identity/Account/Login")}

            Forgot your passphrase? Reset it here: {Link("/Identity/Account/ForgotPassword")}

            If it was not you, you can ignore this e-mail; nothing has changed.
            """).AsTask();

    public async Task SendPasswordResetAsync(CommunityUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var code = Encode(await users.GeneratePasswordResetTokenAsync(user));
        await email.SendAsync(user.Email!, "Reset your OffBenzos Community passphrase",
            $"""
            Hello {user.DisplayName},

            To choose a new passphrase, open this link (it works for 24 hours):

            {Link($"/Identity/Account/ResetPassword?code={code}")}

            If you did not ask for this, you can ignore this e-mail; your passphrase has not changed.
            """);
    }

    public async Task SendEmailChangeConfirmationAsync(CommunityUser user, string newEmail)
    {
        ArgumentNullException.ThrowIfNull(user);
        var code = Encode(await users.GenerateChangeEmailTokenAsync(user, newEmail));
        await email.SendAsync(newEmail, "Confirm your new e-mail for OffBenzos Community",
            $"""
            Hello {user.DisplayName},

            Please confirm this as the new e-mail address of your OffBenzos Community account:

            {Link($"/Identity/Account/ConfirmEmailChange?userId={Uri.EscapeDataString(user.Id)}&email={Uri.EscapeDataString(newEmail)}&code={code}")}

            Until you do, your account keeps its old address.
            """);
    }

    public Task SendEmailChangedNoticeAsync(string oldAddress) =>
        email.SendAsync(oldAddress, "Your OffBenzos Community e-mail was changed",
            """
            Hello,

            The e-mail address of your OffBenzos Community account was just changed, and this address
            no longer receives its messages. If you did not do this, reply to a moderator through the
            site at once or reset your passphrase.
            """).AsTask();

    /// <summary>Confirms the address and, for a configured admin address, grants Admin.</summary>
    public async Task<IdentityResult> ConfirmEmailAsync(CommunityUser user, string encodedCode)
    {
        ArgumentNullException.ThrowIfNull(user);
        var result = await users.ConfirmEmailAsync(user, Decode(encodedCode));
        if (result.Succeeded)
        {
            await PromoteConfiguredAdminAsync(user);
        }
        return result;
    }

    public async Task PromoteConfiguredAdminAsync(CommunityUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var normalized = users.NormalizeEmail(user.Email);
        var isConfigured = communityOptions.Value.AdminEmails.Any(a => users.NormalizeEmail(a) == normalized);
        if (isConfigured && user.EmailConfirmed && !await users.IsInRoleAsync(user, SiteRoles.Admin))
        {
            await users.AddToRoleAsync(user, SiteRoles.Admin);
            logger.LogInformation("Account {UserId} became Admin from Community:AdminEmails.", user.Id);
        }
    }

    public static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    public static string Decode(string code)
    {
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            // A mangled link: Identity will report the token invalid.
            return "";
        }
    }

    private string Link(string pathAndQuery)
    {
        // Behind a proxy the request's host can be forged, so production sets Email:PublicBaseUrl.
        var configured = emailOptions.Value.PublicBaseUrl;
        var request = http.HttpContext?.Request;
        var origin = !string.IsNullOrWhiteSpace(configured) ? configured.TrimEnd('/')
            : request is not null ? $"{request.Scheme}://{request.Host}"
            : "http://localhost:5000";
        return origin + pathAndQuery;
    }
}
