namespace OffBenzos.Community.Web.Forum;

/// <summary>What the composer partial shows. <see cref="PreviewHtml"/> is already sanitized by PostRenderer.</summary>
public sealed record ComposerModel(
    string DraftKey,
    int GroupId,
    string Label,
    string SubmitText,
    string? Body,
    Guid RequestId,
    int? ReplyTo = null,
    string? Error = null,
    string? PreviewHtml = null,
    string? DraftSavedAt = null);
