namespace IvrController.Rules.Protection;

/// <summary>What an agent sees in place of a customer's number.</summary>
public enum NumberProtectionMode
{
    /// <summary>The masked number, "138****5678".</summary>
    Mask,

    /// <summary>The customer's ID from the CRM or the customer_ids table; the mask when there is none.</summary>
    CustomerId,
}
