using System.Globalization;

namespace IvrController.Load;

/// <summary>The driver's command line; every number has a default that runs in about a minute on 2 cores.</summary>
internal sealed record LoadOptions
{
    public string? ServerConnectionString { get; init; } = Environment.GetEnvironmentVariable("IVR_TEST_PG");

    /// <summary>Calls measured at <see cref="Rate"/>, after <see cref="WarmUp"/> calls that are not.</summary>
    public int Calls { get; init; } = 2000;

    public int WarmUp { get; init; } = 500;

    /// <summary>Calls started per second.</summary>
    public double Rate { get; init; } = 100;

    /// <summary>Also measure calls/s with the controller on one core (closed loop, <see cref="Concurrency"/> calls at a time).</summary>
    public bool Saturate { get; init; }

    public int Concurrency { get; init; } = 32;

    /// <summary>Instead of the rate run: this many calls held in a bridge at once (after the same with 10).</summary>
    public int? Hold { get; init; }

    public string Output { get; init; } = "load-summary.md";

    /// <summary>
    /// Another build's harness (its IvrController.Load.dll): its controller runs beside this build's, fed the same
    /// calls at the same rate over the same minutes, so their ratio is free of what the machine does meanwhile.
    /// </summary>
    public string? Against { get; init; }

    /// <summary>Extra controller settings (<c>--set Logging:LogLevel:Default=Warning</c>), as on the serve command line.</summary>
    public IReadOnlyList<string> ControllerSettings { get; init; } = [];

    public static LoadOptions Parse(string[] args)
    {
        var options = new LoadOptions();
        for (int i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--pg" => options with { ServerConnectionString = Value() },
                "--calls" => options with { Calls = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--warmup" => options with { WarmUp = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--rate" => options with { Rate = double.Parse(Value(), CultureInfo.InvariantCulture) },
                "--saturate" => options with { Saturate = true },
                "--concurrency" => options with { Concurrency = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--hold" => options with { Hold = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--out" => options with { Output = Value() },
                "--against" => options with { Against = Path.GetFullPath(Value()) },
                "--set" => options with { ControllerSettings = [.. options.ControllerSettings, "--" + Value()] },
                _ => throw new ArgumentException($"unknown option {args[i]} (see bench/README.md, Load)"),
            };
        }

        if (string.IsNullOrEmpty(options.ServerConnectionString))
        {
            throw new ArgumentException("no PostgreSQL: pass --pg <connection string> or set IVR_TEST_PG (scripts/pg.sh start DIR prints one)");
        }

        if (options.Against is { } against && !File.Exists(against))
        {
            throw new ArgumentException($"--against {against}: no such file (build the other tree's bench/IvrController.Load in Release first)");
        }

        if (options.Against is not null && (options.Hold is not null || options.Saturate))
        {
            throw new ArgumentException("--against compares rate runs only (not with --hold or --saturate)");
        }

        return options;
    }
}
