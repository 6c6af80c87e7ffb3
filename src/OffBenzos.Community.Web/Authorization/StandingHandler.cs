using Microsoft.AspNetCore.Authorization;

namespace OffBenzos.Community.Web.Authorization;

/// <summary>Decides <see cref="SiteRoleRequirement"/> and <see cref="ConfirmedEmailRequirement"/> from the database.</summary>
public sealed class StandingHandler(CurrentAccount current) : IAuthorizationHandler
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
        var standing = await current.GetAsync();
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
