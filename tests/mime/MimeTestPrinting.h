#pragma once

// Readable Catch2 failure messages for the Qt and std types the MIME tests compare.

#include <catch2/catch.hpp>

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace Catch {

template<>
struct StringMaker<QString>
{
    static std::string convert(const QString &value) { return '"' + value.toStdString() + '"'; }
};

template<>
struct StringMaker<QByteArray>
{
    static std::string convert(const QByteArray &value)
    {
        return '"' + value.left(200).toPercentEncoding(" !\"#$&'()*+,-./:;<=>?@[]^_`{|}~").toStdString()
            + '"';
    }
};

template<>
struct StringMaker<QStringList>
{
    static std::string convert(const QStringList &value)
    {
        return "{ \"" + value.join(QStringLiteral("\", \"")).toStdString() + "\" }";
    }
};

template<>
struct StringMaker<std::optional<QString>>
{
    static std::string convert(const std::optional<QString> &value)
    {
        return value ? StringMaker<QString>::convert(*value) : std::string("nullopt");
    }
};

} // namespace Catch
