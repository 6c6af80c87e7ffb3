using Microsoft.AspNetCore.Authorization;

namespace OffBenzos.Community.Web.Authorization;

/// <summary>The signed-in account holds one of <see cref="Roles"/> now (checked in the database, not the cookie).</summary>
public sealed class SiteRoleRequirement(params string[] roles) : IAuthorizationRequirement
{
    public IReadOnlyList<string> Roles { get; } = roles;
}
