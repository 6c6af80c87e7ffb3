using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using OffBenzos.Community.Tests.Infrastructure;
using OffBenzos.Community.Web.Accounts;

namespace OffBenzos.Community.Tests.Web;

/// <summary>
/// The keys that seal sign-in cookies and form tokens: new ones use AES-256-GCM (faster on Linux),
/// and members signed in under a key made before that change stay signed in.
/// </summary>
public sealed class DataProtectionTests : IDisposable
{
    private readonly DirectoryInfo _keys = Directory.CreateTempSubdirectory("offbenzos-keys-");

    public void Dispose() => _keys.Delete(recursive: true);

    [Fact]
    public async Task A_new_key_uses_AES_GCM_and_a_member_signed_in_under_the_older_key_stays_signed_in()
    {
        // The key ring as the app left it before the change: one key with the default algorithms.
        var before = new ServiceCollection();
        before.AddDataProtection().SetApplicationName("OffBenzos.Community").PersistKeysToFileSystem(_keys);
        IKey oldKey;
        using (var services = before.BuildServiceProvider())
        {
            oldKey = services.GetRequiredService<IKeyManager>().CreateNewKey(DateTimeOffset.UtcNow.AddDays(-2), DateTimeOffset.UtcNow.AddDays(60));
        }
        Assert.Equal("AES_256_CBC", AlgorithmOf(oldKey));

        await using var app = new CommunityApp();
        app.Settings["DataProtection:KeysFolder"] = _keys.FullName;
        var earlier = await app.CreateUserAsync();
        var (earlierBrowser, earlierCookie) = await app.SignInAsync(earlier);
        Assert.Equal(oldKey.KeyId, KeyIdOf(earlierCookie));

        // The next key (made when the old one nears its end, or here at once) is the app's own.
        var newKey = app.Services.GetRequiredService<IKeyManager>().CreateNewKey(DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddDays(90));
        Assert.Equal("AES_256_GCM", AlgorithmOf(newKey));
        var later = await app.CreateUserAsync();
        var (laterBrowser, laterCookie) = await app.SignInAsync(later);
        Assert.Equal(newKey.KeyId, KeyIdOf(laterCookie));

        // Both are signed in, and both can still send a form (its token sealed with the new key).
        foreach (var (browser, user) in new[] { (earlierBrowser, earlier), (laterBrowser, later) })
        {
            var page = await (await browser.GetAsync("/bookmarks")).ParseAsync();
            Assert.Contains(user.DisplayName, page.QuerySelector("nav.site-nav")!.TextContent);
            var response = await browser.SubmitFormAsync(page, new(), "form[action='/Identity/Account/Logout']");
            Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        }
    }

    /// <summary>The algorithm a key was made with, as its file in the key ring names it.</summary>
    private static string? AlgorithmOf(IKey key) =>
        key.Descriptor.ExportToXml().SerializedDescriptorElement.Element("encryption")?.Attribute("algorithm")?.Value;

    /// <summary>The key a sealed cookie names: after a 4-byte header, its id (the data protection format).</summary>
    private static Guid KeyIdOf(string cookie)
    {
        Assert.StartsWith(AccountsSetup.CookieName + "=", cookie);
        var sealedBytes = WebEncoders.Base64UrlDecode(cookie[(AccountsSetup.CookieName.Length + 1)..]);
        return new Guid(sealedBytes.AsSpan(4, 16));
    }
}
