using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IvrController.Hosting;

/// <summary>Composes the controller: settings, the store, the rules, the switch connections and the flows.</summary>
public static class ControllerHost
{
    /// <summary>Short environment names for the settings every deployment sets (the prompts' are ivrctl's too).</summary>
    private static readonly (string Variable, string Key)[] Shorthands =
    [
        ("IVR_DB", "Database:ConnectionString"),
        ("IVR_ESL_PASSWORD", "Esl:Password"),
        ("IVR_PROMPTS_DIR", "Prompts:Directory"),
        ("IVR_PROMPTS_SWITCH_DIR", "Prompts:SwitchDirectory"),
    ];

    /// <summary>
    /// How far back the controller's own callback memory reaches: beyond the default window of 3 days,
    /// and small enough to hold (a longer window is served by the call log while the database is up).
    /// </summary>
    public static readonly TimeSpan CallbackMemoryRetention = TimeSpan.FromDays(7);

    /// <summary>How long a call waits for the call log's callback memory before going on with the controller's own.</summary>
    public static readonly TimeSpan CallLogReadDeadline = TimeSpan.FromSeconds(1);

    /// <summary>Builds the host; throws <see cref="ControllerSettingsException"/> listing every bad setting.</summary>
    public static IHost Build(string[] args, Action<IServiceCollection>? replaceServices = null)
    {
        // Settings are read once, at start (a change needs a restart, as the README says), so nothing watches
        // appsettings.json: the default watcher follows every file written anywhere under the content root, and
        // on a busy site that cost the controller a tenth of its CPU for nothing.
        var startup = new ConfigurationManager();
        startup.AddInMemoryCollection([new("hostBuilder:reloadConfigOnChange", "false")]);
        HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
            Configuration = startup,
        });
        AddControllerSources(builder.Configuration, args);

        // The console log is written in batches (BatchedConsoleLog says why); the event-source logger stays for dotnet-trace.
        builder.Logging.ClearProviders();
        builder.Logging.AddEventSourceLogger();
        builder.Services.AddSingleton<ILoggerProvider>(_ => BatchedConsoleLog.ForStandardOutput());

        var settings = new ControllerSettings();
        builder.Configuration.Bind(settings);
        IReadOnlyList<string> problems = settings.Validate();
        if (problems.Count > 0)
        {
            throw new ControllerSettingsException(problems);
        }

        AddController(builder.Services, settings);
        replaceServices?.Invoke(builder.Services);
        return builder.Build();
    }

    /// <summary>
    /// The settings as <c>serve</c> would see them (appsettings.json, environment, command line), not
    /// validated: verbs that need only part of them (ivrctl call) check what they use.
    /// </summary>
    public static ControllerSettings LoadSettings(string[] args)
    {
        var configuration = new ConfigurationManager();
        configuration.SetBasePath(AppContext.BaseDirectory);
        configuration.AddJsonFile("appsettings.json", optional: true);
        configuration.AddEnvironmentVariables();
        AddControllerSources(configuration, args);
        var settings = new ControllerSettings();
        configuration.Bind(settings);
        return settings;
    }

    private static void AddControllerSources(IConfigurationManager configuration, string[] args)
    {
        configuration.AddEnvironmentVariables("IVR_");
        var shorthands = Shorthands
            .Select(s => (s.Key, Value: Environment.GetEnvironmentVariable(s.Variable)))
            .Where(s => !string.IsNullOrEmpty(s.Value))
            .ToDictionary(s => s.Key, s => s.Value);
        if (shorthands.Count > 0)
        {
            configuration.AddInMemoryCollection(shorthands);
        }

        // The command line wins over everything, the shorthands included.
        configuration.AddCommandLine(args);
    }

    /// <summary>The controller's services, room by room (ControllerServices has each).</summary>
    public static void AddController(IServiceCollection services, ControllerSettings settings)
    {
        services.AddSingleton(settings);
        services.AddSingleton(TimeProvider.System);
        services.AddRulesAndCallLog(settings);
        services.AddCustomerIdLookup(settings);
        services.AddSwitch(settings);
        services.AddCallHandling(settings);
        services.AddBackgroundWork(settings);
        services.AddWebConsole(settings);
    }
}
