using System.Net;
using System.Text.RegularExpressions;
using OffBenzos.Community.Web.Accounts;

namespace OffBenzos.Community.Benchmarks;

/// <summary>
/// One signed-in person, as a browser would be: their cookies (kept by hand, because the sign-in
/// cookie is Secure and the benchmark talks plain HTTP to 127.0.0.1) and their antiforgery token.
/// Requests share one connection pool, as many browsers behind one load balancer would.
/// </summary>
public sealed partial class Visitor(HttpClient http)
{
    // Concurrent: an open loop can have two requests of one member in flight.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _cookies = new(StringComparer.Ordinal);

    public string? Token { get; private set; }

    /// <summary>The cookies as a request header, for the SignalR client.</summary>
    public string CookieHeader => string.Join("; ", _cookies.Select(c => c.Key + "=" + c.Value));

    public HttpRequestMessage Request(HttpMethod method, string path, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        if (!_cookies.IsEmpty)
        {
            request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => c.Key + "=" + c.Value)));
        }
        return request;
    }

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = await http.SendAsync(request, cancellationToken);
        Keep(response);
        return response;
    }

    public async Task<string> GetPageAsync(string path)
    {
        using var response = await SendAsync(Request(HttpMethod.Get, path));
        var html = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}.");
        }
        if (TokenPattern().Match(html) is { Success: true } match)
        {
            Token = WebUtility.HtmlDecode(match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value);
        }
        return html;
    }

    public async Task<HttpResponseMessage> PostFormAsync(string path, IEnumerable<KeyValuePair<string, string>> fields, CancellationToken cancellationToken = default)
    {
        var values = fields.ToList();
        values.Add(new("__RequestVerificationToken", Token ?? throw new InvalidOperationException("No form token yet.")));
        return await SendAsync(Request(HttpMethod.Post, path, new FormUrlEncodedContent(values)), cancellationToken);
    }

    /// <summary>Signs in through the real form (and the two-factor step when given a key).</summary>
    public async Task SignInAsync(string email, string passphrase, string? authenticatorKey = null)
    {
        await GetPageAsync("/Identity/Account/Login");
        using var response = await PostFormAsync("/Identity/Account/Login", [new("Input.Email", email), new("Input.Password", passphrase)]);
        var location = response.Headers.Location?.OriginalString ?? "";
        if (location.StartsWith("/Identity/Account/LoginWith2fa", StringComparison.Ordinal) && authenticatorKey is not null)
        {
            await GetPageAsync(location);
            var code = Totp.Code(Base32.Decode(authenticatorKey), Totp.TimeStepAt(DateTimeOffset.UtcNow));
            using var second = await PostFormAsync(location, [new("Input.TwoFactorCode", code), new("RememberMe", "false")]);
            location = second.Headers.Location?.OriginalString ?? "";
        }
        if (response.StatusCode != HttpStatusCode.Redirect || !_cookies.ContainsKey(AccountsSetup.CookieName))
        {
            throw new InvalidOperationException($"Signing in {email} failed (answered {(int)response.StatusCode}, then {location}).");
        }
    }

    private void Keep(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var cookies))
        {
            return;
        }
        foreach (var cookie in cookies)
        {
            var pair = cookie.Split(';', 2)[0];
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var (name, value) = (pair[..equals], pair[(equals + 1)..]);
            if (value.Length == 0 || cookie.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
            {
                _cookies.TryRemove(name, out _);
            }
            else
            {
                _cookies[name] = value;
            }
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"|<meta name=\"request-verification-token\" content=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
