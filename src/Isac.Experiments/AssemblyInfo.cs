namespace Isac.Experiments;
