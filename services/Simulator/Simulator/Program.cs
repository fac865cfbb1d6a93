using ExecutiveDashboard.Simulator.Cli;
using ExecutiveDashboard.Simulator.Extensions;

// `seed …`: the command-line seeding tool (see Cli/SeedCommand.cs). Otherwise the demo worker of the app model.
if (args is ["seed", .. var options])
{
    return await SeedCommand.RunAsync(options);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.MapDefaultEndpoints();
await app.RunAsync();
return 0;
