namespace OffBenzos.Community.Web.Crisis;

/// <summary>
/// One normalised word of a sentence, or a clause boundary (a comma, colon, bracket or dash) that no phrase
/// may span.
/// </summary>
/// <param name="Text">The normalised word, or "," for a boundary.</param>
/// <param name="InQuote">True inside double quotation marks or on a "&gt;" quoted line.</param>
/// <param name="IsBoundary">True for a clause boundary.</param>
internal readonly record struct CrisisToken(string Text, bool InQuote, bool IsBoundary)
{
    public static CrisisToken Boundary(bool inQuote) => new(",", inQuote, IsBoundary: true);

    public override string ToString() => Text;
}
