namespace Isac.Network;
