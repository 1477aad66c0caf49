using System.Runtime.CompilerServices;

// The tests check the lowering (affine maps, cone programs) against direct evaluation.
[assembly: InternalsVisibleTo("Isac.Modeling.Tests")]
