namespace IvrController.Hosting;

public sealed class DatabaseSettings
{
    /// <summary>Npgsql connection string; IVR_DB sets it.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>Apply migrations at start (the controller's default; ivrctl db migrate does the same).</summary>
    public bool MigrateAtStart { get; set; } = true;
}
