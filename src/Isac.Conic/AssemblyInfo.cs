using System.Runtime.CompilerServices;

// The tests check the cone kernels (step lengths, scalings) against brute force.
[assembly: InternalsVisibleTo("Isac.Conic.Tests")]
