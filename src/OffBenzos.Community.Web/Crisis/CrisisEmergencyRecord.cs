namespace OffBenzos.Community.Web.Crisis;

/// <summary>A country's emergency number as admins keep it.</summary>
public class CrisisEmergencyRecord
{
    public required string CountryCode { get; set; }
    public required string Display { get; set; }
    public required string Tel { get; set; }
}
