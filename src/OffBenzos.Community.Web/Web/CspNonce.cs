using System.Security.Cryptography;

namespace OffBenzos.Community.Web.Web;

/// <summary>A fresh random nonce per request for the Content-Security-Policy and the page's script tags.</summary>
public sealed class CspNonce
{
    public string Value { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));
}
