using System.Net;
using System.Net.Sockets;

namespace KnowledgeBase.Web.Shared;

/// <summary>How rate limits tell clients apart (sign-in attempts, anonymous API reads).</summary>
public static class ClientKeys
{
    /// <summary>The partition of a client: its IPv4 address, or the /64 network of an IPv6 address (one host has many).</summary>
    public static string For(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            return new IPAddress(bytes) + "/64";
        }
        return address.ToString();
    }
}
