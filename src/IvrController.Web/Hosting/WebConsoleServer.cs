using IvrController.Admin.Prompts;
using IvrController.Web.Status;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace IvrController.Web.Hosting;

/// <summary>Runs the console inside the controller's host: started after the controller's own start-up, stopped with it.</summary>
public sealed class WebConsoleServer(
    WebConsoleOptions options, NpgsqlDataSource database, ConsoleParts controller, ILoggerFactory loggerFactory, PromptStudio? prompts = null)
    : IHostedService, IAsyncDisposable
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<WebConsoleServer>();
    private WebApplication? _app;

    /// <summary>Where the console answers, e.g. http://127.0.0.1:8090 (the real port when Listen asked for 0); null before start.</summary>
    public Uri? Address { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _app = WebConsole.Build(options, database, controller, loggerFactory, prompts);
        await _app.StartAsync(cancellationToken).ConfigureAwait(false);
        string address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? $"http://{options.Listen}";
        Address = new Uri(address);
        _logger.LogInformation(
            "Web console on {Address} (/metrics, /healthz, /readyz beside it); the first admin account: ivrctl admins add NAME --role admin",
            Address);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync().ConfigureAwait(false);
            _app = null;
        }
    }
}
