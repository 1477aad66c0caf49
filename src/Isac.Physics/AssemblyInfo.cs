namespace Isac.Physics;
