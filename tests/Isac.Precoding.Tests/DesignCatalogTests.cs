using Isac.Physics;
using Isac.Precoding.Design;

namespace Isac.Precoding.Tests;

public class DesignCatalogTests
{
    [Fact]
    public void EverySchemeHasOneRegisteredDesignWithAUniqueName()
    {
        var schemes = Enum.GetValues<PrecodingScheme>();
        Assert.Equal(schemes.Length, DesignCatalog.All.Count);
        Assert.Equal(schemes.Order(), DesignCatalog.All.Select(e => e.Scheme).Order());
        Assert.Equal(DesignCatalog.All.Count, DesignCatalog.All.Select(e => e.Name).Distinct().Count());
        foreach (var scheme in schemes) Assert.Equal(scheme, PrecodingSchemes.Parse(scheme.Name()));
    }

    [Fact]
    public void NamesAndPropertiesComeFromTheRegistration()
    {
        Assert.Equal(["blp-cbf", "blp-comp", "slp-cbf", "slp-comp"], PrecodingSchemes.Names);
        Assert.Equal(CoordinationMode.Comp, PrecodingScheme.SlpComp.Mode());
        Assert.True(PrecodingScheme.SlpCbf.IsSymbolLevel());
        Assert.False(PrecodingScheme.BlpComp.IsSymbolLevel());
        var e = Assert.Throws<ArgumentException>(() => PrecodingSchemes.Parse("blp"));
        Assert.Contains("blp-cbf, blp-comp, slp-cbf, slp-comp", e.Message);
    }
}
