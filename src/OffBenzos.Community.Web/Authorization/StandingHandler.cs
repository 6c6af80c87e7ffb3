using Microsoft.AspNetCore.Authorization;

namespace OffBenzos.Community.Web.Authorization;

/// <summary>Decides <see cref="SiteRoleRequirement"/> and <see cref="ConfirmedEmailRequirement"/> from the database.</summary>
// The account is asked for only when one of those requirements is pending. Every authorization
// builds every handler, and the account rents a database context for the rest of the scope: for a
// hub connection's request (which only needs to be signed in) that would be for hours.
public sealed class StandingHandler(IServiceProvider services) : IAuthorizationHandler
{
    public const string TwoFactorRequired = "two-factor-required";
    public const string EmailUnconfirmed = "email-unconfirmed";

    public async Task HandleAsync(AuthorizationHandlerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var pending = context.PendingRequirements.ToList();
        if (!pending.Any(r => r is SiteRoleRequirement or ConfirmedEmailRequirement))
        {
            return;
        }
        var standing = await services.GetRequiredService<CurrentAccount>().GetAsync();
        foreach (var requirement in pending)
        {
            switch (requirement)
            {
                case ConfirmedEmailRequirement when standing?.EmailConfirmed == true:
                    context.Succeed(requirement);
                    break;
                case ConfirmedEmailRequirement:
                    context.Fail(new AuthorizationFailureReason(this, EmailUnconfirmed));
                    break;
                case SiteRoleRequirement role when standing is not null && role.Roles.Any(standing.Roles.Contains):
                    var needsTwoFactor = role.Roles.Where(standing.Roles.Contains).All(SiteRoles.RequireTwoFactor.Contains);
                    if (needsTwoFactor && !standing.TwoFactorEnabled)
                    {
                        context.Fail(new AuthorizationFailureReason(this, TwoFactorRequired));
                    }
                    else
                    {
                        context.Succeed(requirement);
                    }
                    break;
            }
        }
    }
}
