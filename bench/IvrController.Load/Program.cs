using IvrController.Load;

// Two roles in one program: the driver (default) plays the switch and starts the controller as a child
// process, so the controller's CPU time and allocations are its own and nothing of the fake switch's.
return args is ["controller", ..]
    ? await ControllerProcess.RunAsync(args[1..])
    : await LoadDriver.RunAsync(args);
