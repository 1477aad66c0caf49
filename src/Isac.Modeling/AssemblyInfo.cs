namespace Isac.Modeling;
