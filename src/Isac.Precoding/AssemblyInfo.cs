using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Isac.Precoding.Tests")]
namespace Isac.Precoding;
