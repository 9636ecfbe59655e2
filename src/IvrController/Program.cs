using IvrController.Cli;

return await IvrctlCommands.RunAsync(args, new CliContext(Console.Out, Console.Error));
