using Microsoft.AspNetCore.Authorization;

namespace OffBenzos.Community.Web.Authorization;

/// <summary>The signed-in account has confirmed its e-mail address.</summary>
public sealed class ConfirmedEmailRequirement : IAuthorizationRequirement;
