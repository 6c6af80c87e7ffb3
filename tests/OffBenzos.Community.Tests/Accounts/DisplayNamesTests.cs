using OffBenzos.Community.Web.Accounts;
using Xunit;

namespace OffBenzos.Community.Tests.Accounts;

public class DisplayNamesTests
{
    // ---- Accepted names and cleaning ----

    [Theory]
    [InlineData("TaperingTom")]
    [InlineData("Ana María")]
    [InlineData("Ольга")]
    [InlineData("Σοφία")]
    [InlineData("tapering_at_night")]
    [InlineData("O'Brien")]
    [InlineData("Mary-Jane")]
    [InlineData("dr.who")]
    [InlineData("Tom 2024")]
    [InlineData("田中さん")]
    [InlineData("Tom 田中")]
    [InlineData("محمد")]
    [InlineData("נועה")]
    [InlineData("प्रिया")]
    [InlineData("สมชาย")]
    [InlineData("ターニャ")]
    [InlineData("김민준")]
    public void Ordinary_names_in_any_script_are_accepted(string input)
    {
        var check = DisplayNames.Check(input);

        Assert.Null(check.Error);
        Assert.True(check.IsValid);
        Assert.Equal(input, check.Name);
        Assert.Equal(DisplayNames.Key(input), check.Key);
    }

    [Fact]
    public void Surrounding_spaces_are_trimmed_and_inner_runs_collapse_to_one_space()
    {
        Assert.Equal("Tapering Tom", DisplayNames.Check("   Tapering \t  Tom  ").Name);
    }

    [Fact]
    public void No_break_and_ideographic_spaces_become_plain_spaces()
    {
        Assert.Equal("Tapering Tom", DisplayNames.Check("Tapering\u00A0\u3000Tom").Name);
    }

    [Fact]
    public void Decomposed_accents_are_stored_composed_as_NFC()
    {
        var check = DisplayNames.Check("Mari\u0301a");

        Assert.Equal("Mar\u00EDa", check.Name);
        Assert.Equal(5, check.Name!.Length);
    }

    [Fact]
    public void Curly_phone_apostrophe_is_stored_as_a_straight_one()
    {
        Assert.Equal("O'Brien", DisplayNames.Check("O\u2019Brien").Name);
    }

    [Fact]
    public void Full_width_letters_are_displayed_as_typed()
    {
        var check = DisplayNames.Check("ＪＡＮＥ DOE");

        Assert.True(check.IsValid);
        Assert.Equal("ＪＡＮＥ DOE", check.Name);
        Assert.Equal(DisplayNames.Key("Jane Doe"), check.Key);
    }

    // ---- Length ----

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("ab")]
    [InlineData("  ab  ")]
    public void Names_shorter_than_three_characters_are_refused(string? input)
    {
        var check = DisplayNames.Check(input);

        Assert.False(check.IsValid);
        Assert.Equal("Display names need 3 to 30 characters.", check.Error);
        Assert.Null(check.Name);
        Assert.Null(check.Key);
    }

    [Fact]
    public void Three_characters_are_enough()
    {
        Assert.True(DisplayNames.Check("Bea").IsValid);
    }

    [Fact]
    public void Thirty_characters_are_accepted()
    {
        Assert.True(DisplayNames.Check(new string('a', 30)).IsValid);
    }

    [Fact]
    public void Thirty_one_characters_are_refused()
    {
        Assert.Equal(DisplayNames.LengthMessage, DisplayNames.Check(new string('a', 31)).Error);
    }

    [Fact]
    public void Very_long_input_is_refused_as_too_long()
    {
        Assert.Equal(DisplayNames.LengthMessage, DisplayNames.Check(new string('a', 100_000)).Error);
    }

    [Fact]
    public void Letters_with_combining_accents_count_as_one_character_each()
    {
        // "n" + combining tilde below has no precomposed form, so NFC keeps two UTF-16 units per letter.
        string thirty = string.Concat(Enumerable.Repeat("n\u0330", 30));
        string thirtyOne = string.Concat(Enumerable.Repeat("n\u0330", 31));

        var accepted = DisplayNames.Check(thirty);

        Assert.True(accepted.IsValid);
        Assert.Equal(60, accepted.Name!.Length);
        Assert.Equal(DisplayNames.LengthMessage, DisplayNames.Check(thirtyOne).Error);
    }

    [Fact]
    public void Length_is_counted_after_collapsing_spaces()
    {
        Assert.True(DisplayNames.Check("a" + new string(' ', 40) + "b c").IsValid);
    }

    // ---- Invisible and direction-changing characters ----

    [Theory]
    [InlineData("\u200B")] // zero-width space
    [InlineData("\u200C")] // zero-width non-joiner
    [InlineData("\u200D")] // zero-width joiner
    [InlineData("\u2060")] // word joiner
    [InlineData("\uFEFF")] // zero-width no-break space / BOM
    [InlineData("\u180E")] // Mongolian vowel separator
    [InlineData("\u00AD")] // soft hyphen
    public void Zero_width_characters_are_refused_as_invisible(string invisible)
    {
        Assert.Equal(DisplayNames.InvisibleCharactersMessage, DisplayNames.Check("Tap" + invisible + "erTom").Error);
    }

    [Theory]
    [InlineData("\u200E")] // left-to-right mark
    [InlineData("\u200F")] // right-to-left mark
    [InlineData("\u061C")] // Arabic letter mark
    [InlineData("\u202A")] // left-to-right embedding
    [InlineData("\u202B")] // right-to-left embedding
    [InlineData("\u202C")] // pop directional formatting
    [InlineData("\u202D")] // left-to-right override
    [InlineData("\u202E")] // right-to-left override
    [InlineData("\u2066")] // left-to-right isolate
    [InlineData("\u2067")] // right-to-left isolate
    [InlineData("\u2068")] // first strong isolate
    [InlineData("\u2069")] // pop directional isolate
    public void Bidirectional_controls_are_refused_as_direction_changing(string control)
    {
        Assert.Equal(DisplayNames.InvisibleCharactersMessage, DisplayNames.Check("Tom" + control + "Tapers").Error);
    }

    [Fact]
    public void Invisible_message_tells_the_member_what_is_wrong_and_what_to_do()
    {
        Assert.Equal(
            "Display names can't include invisible or direction-changing characters. "
            + "Please type the name in again rather than pasting it.",
            DisplayNames.Check("\u202Emot_gnirepat").Error);
    }

    [Theory]
    [InlineData("\u200BTaperingTom")]
    [InlineData("TaperingTom\uFEFF")]
    public void Invisible_characters_at_the_edges_are_not_trimmed_away_silently(string input)
    {
        Assert.Equal(DisplayNames.InvisibleCharactersMessage, DisplayNames.Check(input).Error);
    }

    [Theory]
    [InlineData("\u3164\u3164\u3164")] // Hangul filler: a "letter" that draws as blank space
    [InlineData("Tom\u3164Tom")]
    [InlineData("Tom\uFE0F")] // variation selector
    [InlineData("Tom\u0007")] // control character (Cc)
    [InlineData("Tom\u2062x")] // invisible times (Cf)
    [InlineData("Tom\U000E0041")] // tag character
    public void Other_invisible_control_and_format_characters_are_refused(string input)
    {
        Assert.Equal(DisplayNames.InvisibleCharactersMessage, DisplayNames.Check(input).Error);
    }

    // ---- Emoji, symbols and other characters ----

    [Theory]
    [InlineData("Tom 😀")]
    [InlineData("Tom❤️")]
    [InlineData("☕ Coffee")]
    [InlineData("🇬🇧 Tom")]
    [InlineData("👩‍👩‍👧 Family")] // joined by U+200D, still reported as emoji
    [InlineData("Tom#1")]
    [InlineData("Tom+Jerry")]
    [InlineData("Tom & Jerry")]
    [InlineData("Tom (tapering)")]
    [InlineData("Tom™")]
    [InlineData("Tom½")]
    [InlineData("@tom")]
    public void Emoji_symbols_and_other_punctuation_are_refused(string input)
    {
        Assert.Equal(
            "Display names can use letters, numbers, spaces and _ - . ' only. "
            + "Please leave out emoji and other symbols.",
            DisplayNames.Check(input).Error);
    }

    [Theory]
    [InlineData("Tom\uE000")] // private use
    [InlineData("\u0301Tom")] // accent with no letter to sit on
    [InlineData("Tom 1\u0301")] // accent on a digit
    [InlineData("Tom\u20DD")] // enclosing circle mark
    [InlineData("Tom\u0378")] // unassigned code point
    public void Private_use_unassigned_and_stray_marks_are_refused(string input)
    {
        Assert.Equal(DisplayNames.AllowedCharactersMessage, DisplayNames.Check(input).Error);
    }

    [Fact]
    public void Lone_surrogates_are_refused()
    {
        Assert.Equal(DisplayNames.AllowedCharactersMessage, DisplayNames.Check("Tom\uD800x").Error);
        Assert.Equal(DisplayNames.AllowedCharactersMessage, DisplayNames.Check("Tom\uDC00x").Error);
        Assert.Equal(DisplayNames.AllowedCharactersMessage, DisplayNames.Check("Tom\uD800").Error);
    }

    [Theory]
    [InlineData("123")]
    [InlineData("2024")]
    [InlineData("._-'")]
    [InlineData("1 2 3")]
    public void Names_without_a_letter_are_refused(string input)
    {
        Assert.Equal("Display names need at least one letter.", DisplayNames.Check(input).Error);
    }

    // ---- Mixed alphabets ----

    [Theory]
    [InlineData("J\u0430ne Doe")] // Cyrillic а
    [InlineData("T\u03BFm")] // Greek ο
    [InlineData("\u041E\u03BB\u03B3\u03B1")] // Cyrillic О with Greek λγα
    [InlineData("J\u0585hn")] // Armenian օ
    [InlineData("Tom \u0422\u043E\u043C")] // Latin word next to a Cyrillic word
    [InlineData("ＴＯＭ \u0422\u043E\u043C")] // full-width Latin counts as Latin
    public void Names_mixing_look_alike_alphabets_are_refused(string input)
    {
        Assert.Equal(
            "Please use letters from one alphabet. Mixing alphabets (such as Latin with Cyrillic or Greek) "
            + "can make a name look like someone else's.",
            DisplayNames.Check(input).Error);
    }

    [Theory]
    [InlineData("Ольга Петрова")]
    [InlineData("Σοφία Παπαδοπούλου")]
    [InlineData("Ольга 2")]
    [InlineData("Tom 田中")]
    public void Single_alphabet_names_may_include_digits_and_unrelated_scripts(string input)
    {
        Assert.True(DisplayNames.Check(input).IsValid);
    }

    // ---- Reserved staff and service names ----

    [Theory]
    [InlineData("moderator")]
    [InlineData("Admin")]
    [InlineData("Coach")]
    [InlineData("OffBenzos")]
    [InlineData("OffBenzo")]
    [InlineData("Support")]
    [InlineData("Staff")]
    [InlineData("Official")]
    public void Staff_and_service_names_are_refused(string input)
    {
        Assert.Equal(
            "Display names can't look like a staff or service name (such as moderator, admin, coach, support "
            + "or OffBenzos), so members can always tell who speaks for the community.",
            DisplayNames.Check(input).Error);
    }

    [Theory]
    [InlineData("m0derat0r")]
    [InlineData("ＡＤＭＩＮ")]
    [InlineData("a.d.m.i.n")]
    [InlineData("C0ACH")]
    [InlineData("0ffBenz0s")]
    [InlineData("5upport")]
    [InlineData("Supp0rt_Team")]
    [InlineData("adrnin")]
    [InlineData("AdmIn")]
    [InlineData("Adm1n")]
    [InlineData("St4ff")]
    [InlineData("0ff1c1al")]
    [InlineData("Off Benzos")]
    [InlineData("Mod-erator")]
    [InlineData("Ádmín")]
    [InlineData("𝐀𝐝𝐦𝐢𝐧")] // mathematical bold
    public void Look_alikes_of_staff_names_are_refused(string input)
    {
        Assert.Equal(DisplayNames.ReservedMessage, DisplayNames.Check(input).Error);
    }

    [Fact]
    public void Cyrillic_o_in_moderator_is_refused()
    {
        Assert.Equal(DisplayNames.ReservedMessage, DisplayNames.Check("M\u043Ederator").Error);
    }

    [Fact]
    public void All_Cyrillic_look_alike_of_coach_is_refused()
    {
        // С О А С Н are all Cyrillic capitals: one alphabet, but it reads exactly as COACH.
        Assert.Equal(DisplayNames.ReservedMessage, DisplayNames.Check("\u0421\u041E\u0410\u0421\u041D").Error);
    }

    [Theory]
    [InlineData("Coach Tom")]
    [InlineData("TomTheModerator")]
    [InlineData("Badminton Bev")] // contains "admin": a deliberate, cautious false positive
    public void Staff_names_are_refused_anywhere_inside_a_name(string input)
    {
        Assert.Equal(DisplayNames.ReservedMessage, DisplayNames.Check(input).Error);
    }

    // ---- Keys: names that must collide ----

    [Theory]
    [InlineData("Jane Doe", "jane_doe")]
    [InlineData("Jane Doe", "jane.doe")]
    [InlineData("Jane Doe", "Jane-Doe")]
    [InlineData("Jane Doe", "JaneDoe")]
    [InlineData("Jane Doe", "ＪＡＮＥ DOE")]
    [InlineData("Jane Doe", "J\u0430ne Doe")] // Cyrillic а
    [InlineData("Paul0", "Paulo")]
    [InlineData("rnary", "mary")]
    [InlineData("vvendy", "Wendy")]
    [InlineData("vvw", "wvv")]
    [InlineData("Illy", "lily")]
    [InlineData("B1ll", "Bill")]
    [InlineData("J4n3", "Jane")]
    [InlineData("5am", "Sam")]
    [InlineData("Ma77", "Matt")]
    [InlineData("8o9", "bog")]
    [InlineData("José", "Jose")]
    [InlineData("Jose\u0301", "Jos\u00E9")]
    [InlineData("Straße", "STRASSE")]
    [InlineData("O'Brien", "OBrien")]
    [InlineData("O\u2019Brien", "O'Brien")]
    [InlineData("\u03A3\u039F\u03A6\u0399\u0391\u03A3", "\u03C3\u03BF\u03C6\u03AF\u03B1\u03C2")] // ΣΟΦΙΑΣ / σοφίας
    [InlineData("\u0422\u041E\u041C", "TOM")] // all-Cyrillic ТОМ
    [InlineData("\u03A4\u039F\u039C", "TOM")] // all-Greek ΤΟΜ
    [InlineData("\u039D\u0399\u039A\u039F", "Niko")] // all-Greek ΝΙΚΟ
    [InlineData("\u0405\u0430\u0440\u0440\u0443", "Sappy")] // Cyrillic Ѕарру
    [InlineData("ad\u200Bmin", "admin")]
    public void Look_alike_names_share_a_key(string first, string second)
    {
        Assert.Equal(DisplayNames.Key(first), DisplayNames.Key(second));
    }

    [Theory]
    [InlineData("Anna", "Anne")]
    [InlineData("Tom", "Tim")]
    [InlineData("Jane Doe", "Jane Dee")]
    [InlineData("Ольга", "Olga")]
    [InlineData("Sam1", "Sam2")]
    public void Different_names_have_different_keys(string first, string second)
    {
        Assert.NotEqual(DisplayNames.Key(first), DisplayNames.Key(second));
    }

    [Theory]
    [InlineData("Jane Doe", "janedoe")]
    [InlineData("Paul0", "paulo")]
    [InlineData("mary", "rnary")]
    [InlineData("Wendy", "vvendy")]
    [InlineData("Illy", "llly")]
    [InlineData("ＡＤＭＩＮ", "adrnln")]
    [InlineData("M\u043Ederator", "rnoderator")]
    [InlineData("Straße", "strasse")]
    public void Key_is_the_lower_case_skeleton(string name, string key)
    {
        Assert.Equal(key, DisplayNames.Key(name));
    }

    [Fact]
    public void Check_returns_the_key_of_the_cleaned_name()
    {
        var check = DisplayNames.Check("  Jane   Doe ");

        Assert.Equal("Jane Doe", check.Name);
        Assert.Equal("janedoe", check.Key);
    }

    [Fact]
    public void Key_of_raw_text_with_a_lone_surrogate_does_not_throw()
    {
        Assert.Equal("ad\uFFFDrnln", DisplayNames.Key("Ad\uD800min"));
    }

    [Fact]
    public void Key_of_null_throws()
    {
        Assert.Throws<ArgumentNullException>(() => DisplayNames.Key(null!));
    }
}
