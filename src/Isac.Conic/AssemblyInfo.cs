namespace Isac.Conic;
