namespace Isac.Precoding;
