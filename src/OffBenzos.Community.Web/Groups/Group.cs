namespace OffBenzos.Community.Web.Groups;

/// <summary>A peer support group. Its name and description are public; its threads may be members-only.</summary>
public class Group
{
    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary>The stable, readable address: /groups/{slug}.</summary>
    public required string Slug { get; set; }

    public required string Description { get; set; }
    public string Rules { get; set; } = "";
    public GroupVisibility Visibility { get; set; } = GroupVisibility.Public;
    public GroupJoinPolicy JoinPolicy { get; set; } = GroupJoinPolicy.Open;
    public DateTimeOffset CreatedAt { get; set; }
}
