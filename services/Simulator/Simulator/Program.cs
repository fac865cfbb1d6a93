using ExecutiveDashboard.Simulator.Cli;
using ExecutiveDashboard.Simulator.Extensions;

// `seed …`: the command-line seeding tool (see Cli/SeedCommand.cs). Otherwise the demo worker of the app model.
if (args is ["seed", .. var options])
{
    return await SeedCommand.RunAsync(options);
}

var builder = Host.CreateApplicationBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();
await builder.Build().RunAsync();
return 0;
