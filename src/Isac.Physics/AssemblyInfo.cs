using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Isac.Physics.Tests")]
