using Spaceflights.Api;

SpaceflightsApi.Create(args).Run();
