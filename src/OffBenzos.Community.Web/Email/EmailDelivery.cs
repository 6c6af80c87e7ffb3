namespace OffBenzos.Community.Web.Email;

public enum EmailDelivery
{
    Outbox,
    Smtp,
}
