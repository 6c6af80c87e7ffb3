using OffBenzos.Community.Web.Accounts;

namespace OffBenzos.Community.Tests.Accounts;

public sealed class PassphraseTests
{
    [Theory]
    [InlineData("123qweasdzxc")]
    [InlineData("1qaz2wsx3edc")]
    [InlineData("QWERTY123456")]
    [InlineData("passwordpassword")]
    [InlineData("iloveyouiloveyou")]
    [InlineData("aaaaaaaaaaaaaaaa")]
    [InlineData("abcabcabcabcabc")]
    [InlineData("  administrator  ")]
    public void The_commonest_passwords_and_repeats_of_them_are_refused(string password) =>
        Assert.True(CommonPasswords.IsCommon(password));

    [Theory]
    [InlineData("calm river lantern autumn")]
    [InlineData("tapering slowly since may")]
    [InlineData("correct horse battery staple")]
    public void Ordinary_passphrases_are_accepted(string password) =>
        Assert.False(CommonPasswords.IsCommon(password));
}
