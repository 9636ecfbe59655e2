namespace IvrController.Admin;

/// <summary>What a console account may do.</summary>
public enum ConsoleRole
{
    /// <summary>Reads every page and changes rules and settings.</summary>
    Admin,

    /// <summary>Reads every page; every change is refused.</summary>
    Supervisor,
}
