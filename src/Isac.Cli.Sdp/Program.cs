return Isac.Cli.IsacApp.Run(args, Console.Out, Console.Error);
